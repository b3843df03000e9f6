"""plantool's exit codes, the same for every command (see README, "Exit codes")."""

CLEAN = 0  # nothing wrong (warnings allowed unless --strict)
ERRORS = 1  # the plan has errors (or warnings, with --strict)
USAGE = 2  # a usage or I/O problem: bad option, missing or unreadable file
INTERNAL = 3  # a bug in plantool; a crash log is written
INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
