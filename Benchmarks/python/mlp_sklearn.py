"""Baseline: scikit-learn's MLPClassifier with one hidden layer of 32 ReLU units, Adam, batch 32
on the same digits split. Its defaults differ from PyTorch's where noted: Glorot-uniform
initialisation, and alpha (L2) is set to 0 to match the plain loss. The per-epoch time is the
whole fit divided by the epochs it ran (tol=0 and n_iter_no_change past the budget, so it runs
them all); sklearn computes the training loss per batch, not on the whole set after each epoch.

Usage: python mlp_sklearn.py [epochs=20] [seed=0]
"""
import sys
import time
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from digits_split import digits_split, report


def main():
    args = dict(a.split("=") for a in sys.argv[1:])
    epochs, seed = int(args.get("epochs", 20)), int(args.get("seed", 0))
    xt, yt, xv, yv = digits_split(seed)
    best = None
    for _ in range(3):
        model = MLPClassifier(hidden_layer_sizes=(32,), activation="relu", solver="adam", batch_size=32,
                              learning_rate_init=1e-3, alpha=0.0, max_iter=epochs, tol=0.0,
                              n_iter_no_change=epochs + 1, shuffle=True, random_state=seed)
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(xt, yt)
        elapsed = (time.perf_counter() - start) / model.n_iter_
        best = elapsed if best is None else min(best, elapsed)
    val_acc = model.score(xv, yv)
    print(f"sklearn: {model.n_iter_} epochs, last training loss {model.loss_:.4f}, validation acc {val_acc:.3f}; "
          f"{best * 1e3:.2f} ms per epoch (best of 3 fits)")
    report("sklearn", best, model.n_iter_, train_loss=f"{model.loss_:.4f}", val_acc=f"{val_acc:.3f}")


if __name__ == "__main__":
    main()
