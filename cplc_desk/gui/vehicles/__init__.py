"""The Vehicles area: list, filters, the report form, matching a recovery, checking a vehicle and headquarters' city-wide checks."""
