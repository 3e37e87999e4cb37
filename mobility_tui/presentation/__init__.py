"""What people see: one display model per answer, in the interface language; every face renders it."""
