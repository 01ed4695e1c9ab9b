"""Pages of the development records: supervision, CPD, NQSWs, secondments, imports."""
