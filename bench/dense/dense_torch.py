"""A dense model of bench/dense/DenseBench.java in PyTorch, on the arrays it exported.

FOLDER holds x_train.npy, y_train.npy, x_test.npy, y_test.npy (the splits as DeepBuild's runtime
prepared them) and model.json (hidden layers, dropout, L2, task, batch size, seed, RMSprop). The
network is the sample's: ReLU hidden layers, Keras's glorot_uniform initialization and RMSprop
defaults; each epoch fits the training split in a new random order. Prints seconds per epoch
(wall-clock and this thread's CPU time) and the test metric (accuracy; MAE for a regression). Usage: dense_torch.py FOLDER EPOCHS THREADS
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn


def load(folder, name):
    return torch.from_numpy(np.load(f"{folder}/{name}.npy").astype(np.float32))


def model(spec, inputs, outputs):
    layers, width = [], inputs
    for units in spec["hidden"]:
        layers += [nn.Linear(width, units), nn.ReLU()]
        if spec["dropout"] > 0:
            layers.append(nn.Dropout(spec["dropout"]))
        width = units
    layers.append(nn.Linear(width, outputs))
    net = nn.Sequential(*layers)
    for layer in net:
        if isinstance(layer, nn.Linear):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return net


def loss_function(task):
    """The loss on the network's raw outputs and the labels as exported."""
    if task == "binary":
        return nn.BCEWithLogitsLoss()
    if task == "multiclass":
        cross_entropy = nn.CrossEntropyLoss()
        return lambda out, y: cross_entropy(out, y.argmax(1))
    return nn.MSELoss()


def metric(task, out, y):
    if task == "binary":
        return ((out > 0) == (y > 0.5)).float().mean().item()
    if task == "multiclass":
        return (out.argmax(1) == y.argmax(1)).float().mean().item()
    return (out - y).abs().mean().item()


def epoch(net, optimizer, loss_fn, spec, x, y):
    """Trains one epoch; its wall-clock and this thread's CPU seconds."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    net.train()
    order = torch.randperm(len(x))
    kernels = [m.weight for m in net if isinstance(m, nn.Linear)][:-1]
    for i in range(0, len(x), spec["batch"]):
        rows = order[i:i + spec["batch"]]
        optimizer.zero_grad()
        loss = loss_fn(net(x[rows]), y[rows])
        if spec["l2"] > 0:
            # Keras's kernel_regularizer=l2(c) on each hidden layer: c times the squared sum.
            loss = loss + spec["l2"] * sum((w * w).sum() for w in kernels)
        loss.backward()
        optimizer.step()
    return time.perf_counter() - start, time.thread_time() - start_cpu


def blas():
    """The BLAS libraries this process has loaded (Debian's torch uses libblas.so.3's alternative)."""
    with open("/proc/self/maps") as maps:
        return sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1]})


def main():
    folder, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    with open(f"{folder}/model.json") as f:
        spec = json.load(f)
    torch.manual_seed(spec["seed"])
    x, y = load(folder, "x_train"), load(folder, "y_train")
    x_test, y_test = load(folder, "x_test"), load(folder, "y_test")
    net = model(spec, x.shape[1], y.shape[1])
    optimizer = torch.optim.RMSprop(net.parameters(), lr=spec["lr"], alpha=spec["rho"],
                                    eps=spec["eps"])
    loss_fn = loss_function(spec["task"])
    times = [epoch(net, optimizer, loss_fn, spec, x, y) for _ in range(epochs)]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS:"
          f" {', '.join(blas()) or 'none loaded'}")
    for e, (wall, cpu) in enumerate(times, 1):
        print(f"pytorch epoch {e}: {wall:.4f} s, cpu {cpu:.4f} s")
    net.eval()
    with torch.no_grad():
        print(f"pytorch test {metric(spec['task'], net(x_test), y_test):.6f}")


if __name__ == "__main__":
    main()
