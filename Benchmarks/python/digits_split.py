"""The digits split every baseline uses: scikit-learn's bundled copy of the UCI optical
handwritten digits (1,797 rows, 8x8 pixels 0-16), pixels divided by 16 and nothing else,
a seeded shuffle, the first 1,437 rows (80 %) to train and the other 360 to validate."""
import numpy as np
from sklearn.datasets import load_digits


def digits_split(seed=0):
    data = load_digits()
    x = data.data.astype(np.float64) / 16.0
    y = data.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(x))
    train, valid = order[:1437], order[1437:]
    return x[train], y[train], x[valid], y[valid]


def report(name, per_epoch, epochs, **extra):
    """One line the Swift benchmark reads: RESULT name per_epoch_seconds=... key=value ..."""
    fields = " ".join(f"{k}={v}" for k, v in extra.items())
    print(f"RESULT {name} per_epoch_seconds={per_epoch:.6g} epochs={epochs} {fields}".rstrip(), flush=True)
