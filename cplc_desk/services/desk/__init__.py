"""The desk itself: opening it (context), setting it up, its reference data, drafts, numbering and shared record plumbing, the integrity check, counts and the demo filler."""
