"""The verbs the app offers. Each call is one unit of work and returns plain data.

Every change and every look-up of personal data goes through a service here, which writes the
audit trail: the GUI and the command line never touch the store directly.
"""
