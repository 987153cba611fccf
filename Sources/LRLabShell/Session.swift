import LRLab
