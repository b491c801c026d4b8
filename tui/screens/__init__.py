"""The dashboard's screens: the desk itself and the modals it opens."""
