"""Pure calculations for practice development records (no Django; see docs/development-records.md).

- ``schedule``: the supervision schedule rule as data (development.md §1.2) and its windows;
- ``supervision``: windows met, sessions and overdue supervision on polars frames;
- ``cpd``: Social Work England renewal readiness and CPD activity (§3.2);
- ``asye``: early-career programme progress: reviews, evidence, pauses, protected caseload (§2);
- ``secondments``: the census treatment of secondments applied to the DfE measures' inputs (§4).
"""
