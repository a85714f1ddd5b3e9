"""The settings window: where a person writes their own version of balance."""
