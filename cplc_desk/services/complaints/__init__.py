"""Complaints: registering, viewing, changing and following up one complaint, its receipt (complaints), and finding complaints (complaint_list)."""
