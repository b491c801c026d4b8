"""The service layer: wires the store, the scheduler and intake to the core rules."""
