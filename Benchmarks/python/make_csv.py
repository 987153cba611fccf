"""Writes the seeded CSV file of case k: a header x1..x9,y, then ROWS rows of ten numbers
(nine features drawn from N(0, 1) and a target y = x1 - 2 x2 + 0.5 x3 + N(0, 0.1)), each
printed with seven significant digits: 1,000,000 rows make about 100 MB.
Usage: python3 make_csv.py PATH [rows=1000000] [seed=0]"""
import random
import sys

path = sys.argv[1]
options = dict(argument.split("=", 1) for argument in sys.argv[2:])
rows = int(options.get("rows", 1_000_000))
random.seed(int(options.get("seed", 0)))
gauss = random.gauss
with open(path, "w") as file:
    file.write(",".join([f"x{i}" for i in range(1, 10)] + ["y"]) + "\n")
    lines = []
    for _ in range(rows):
        x = [gauss(0, 1) for _ in range(9)]
        y = x[0] - 2 * x[1] + 0.5 * x[2] + gauss(0, 0.1)
        lines.append(",".join(f"{v:.7g}" for v in x + [y]))
        if len(lines) == 10_000:
            file.write("\n".join(lines) + "\n")
            lines = []
    if lines:
        file.write("\n".join(lines) + "\n")
