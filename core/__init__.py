"""The dutydesk domain: pure, synchronous, and told the time rather than reading it."""
