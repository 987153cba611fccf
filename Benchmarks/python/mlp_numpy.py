"""Baseline: a 64-32-10 ReLU MLP on digits trained with Adam, batch 32, as a plain numpy loop.

The same arithmetic the lrlab case does, written the way a person writes it in numpy:
- initialisation as PyTorch's nn.Linear: weights and biases uniform in +-1/sqrt(fan_in);
- loss as nn.CrossEntropyLoss (mean over the batch of -log softmax at the label);
- Adam as torch.optim.Adam with its defaults (lr 0.001, betas 0.9/0.999, eps 1e-8, bias-corrected);
- each epoch: a seeded shuffle, batches of 32 (the last one 29 rows), one step per batch,
  then the loss and accuracy on the whole training and validation sets (as lrlab's trace does).
Float64 throughout, as lrlab. Prints per-epoch times (median over epochs after the first).

Usage: python mlp_numpy.py [epochs=20] [seed=0]
"""
import sys
import time

import numpy as np

from digits_split import digits_split, report


def linear_init(rng, fan_in, fan_out):
    bound = 1.0 / np.sqrt(fan_in)
    return rng.uniform(-bound, bound, (fan_in, fan_out)), rng.uniform(-bound, bound, fan_out)


def forward_loss(params, x, y):
    w1, b1, w2, b2 = params
    h = np.maximum(x @ w1 + b1, 0.0)
    z = h @ w2 + b2
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -logp[np.arange(len(y)), y].mean(), (z.argmax(axis=1) == y).mean()


def main():
    args = dict(a.split("=") for a in sys.argv[1:])
    epochs, seed = int(args.get("epochs", 20)), int(args.get("seed", 0))
    xt, yt, xv, yv = digits_split(seed)
    rng = np.random.default_rng(seed)
    w1, b1 = linear_init(rng, 64, 32)
    w2, b2 = linear_init(rng, 32, 10)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, beta1, beta2, eps = 1e-3, 0.9, 0.999, 1e-8
    step = 0
    times = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(len(xt))
        for first in range(0, len(xt), 32):
            rows = order[first:first + 32]
            x, y = xt[rows], yt[rows]
            n = len(rows)
            a1 = x @ w1 + b1
            h = np.maximum(a1, 0.0)
            z = h @ w2 + b2
            z = z - z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(n), y] -= 1.0
            dz = p / n
            dw2 = h.T @ dz
            db2 = dz.sum(axis=0)
            dh = dz @ w2.T
            dh[a1 <= 0] = 0.0
            dw1 = x.T @ dh
            db1 = dh.sum(axis=0)
            step += 1
            c1, c2 = 1 - beta1 ** step, 1 - beta2 ** step
            for param, grad, mi, vi in zip(params, (dw1, db1, dw2, db2), m, v):
                mi *= beta1
                mi += (1 - beta1) * grad
                vi *= beta2
                vi += (1 - beta2) * grad * grad
                param -= lr * (mi / c1) / (np.sqrt(vi / c2) + eps)
        train_loss, train_acc = forward_loss(params, xt, yt)
        val_loss, val_acc = forward_loss(params, xv, yv)
        times.append(time.perf_counter() - start)
    per_epoch = float(np.median(times[1:] if len(times) > 1 else times))
    print(f"numpy: epoch {epochs} train loss {train_loss:.4f} acc {train_acc:.3f}, "
          f"validation loss {val_loss:.4f} acc {val_acc:.3f}; {per_epoch * 1e3:.2f} ms per epoch (median)")
    report("numpy", per_epoch, epochs, train_loss=f"{train_loss:.4f}", val_acc=f"{val_acc:.3f}")


if __name__ == "__main__":
    main()
