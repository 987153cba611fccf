import FuzzSupport
import Glibc

exit(runFuzzer(fuzzExpression))
