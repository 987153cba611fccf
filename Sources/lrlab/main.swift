import LRLabShell
