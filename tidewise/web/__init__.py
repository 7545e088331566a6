"""The local web UI: thin routes over the Journal facade."""
