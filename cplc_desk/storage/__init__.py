"""SQLAlchemy models, engine/session set-up, queries and the migrations runner."""
