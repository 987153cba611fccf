import FuzzSupport
import Glibc

exit(runFuzzer(fuzzStatement))
