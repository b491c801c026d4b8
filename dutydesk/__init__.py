"""dutydesk: the command line and the demo that start everything else."""
