"""Practice development records: supervision, CPD, early-career programmes and secondments."""
