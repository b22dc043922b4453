"""Process plumbing: embedded services for a machine without infrastructure, and the supervisor."""
