"""The dashboard's widgets, one feature a module (e.g. `tui.widgets.queue.QueueTable`)."""
