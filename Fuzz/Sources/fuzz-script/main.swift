import FuzzSupport
import Glibc

exit(runFuzzer(fuzzScript))
