"""The model of attachment ambivalence: labels, phases, movements, decoding, loops. Pure."""
