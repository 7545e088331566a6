"""Text -> sentences -> labels with evidence -> entry summary; safety screen. Pure, offline."""
