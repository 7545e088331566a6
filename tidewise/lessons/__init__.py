"""The weekly lesson series, reflections and prompts (content as package data)."""
