"""The book's MNIST convnet of bench/convnet/ConvnetBench.java in PyTorch, for comparison.

Same data (the first IMAGES training digits, NCHW, scaled to [0, 1]), model, RMSprop and batch
size; prints seconds per epoch. Usage: convnet_torch.py MNIST_TGZ IMAGES REPETITIONS EPOCHS THREADS
"""
import sys
import tarfile
import time

import numpy as np
import torch
from torch import nn

BATCH = 64


def read(tgz, images):
    with tarfile.open(tgz) as tar:
        def member(name):
            return next(m for m in tar.getmembers() if m.name.endswith(name))
        pixels = tar.extractfile(member("/train-images-idx3-ubyte")).read()[16:16 + images * 784]
        labels = tar.extractfile(member("/train-labels-idx1-ubyte")).read()[8:8 + images]
    x = np.frombuffer(pixels, dtype=np.uint8).reshape(images, 1, 28, 28).astype(np.float32) / 255
    return torch.from_numpy(x), torch.from_numpy(np.frombuffer(labels, dtype=np.uint8).astype(np.int64))


def model():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3), nn.ReLU(),
        nn.Flatten(), nn.Linear(128 * 3 * 3, 10))


def epoch(net, optimizer, x, y):
    start = time.perf_counter()
    loss_fn = nn.CrossEntropyLoss()
    for i in range(0, len(x), BATCH):
        optimizer.zero_grad()
        loss_fn(net(x[i:i + BATCH]), y[i:i + BATCH]).backward()
        optimizer.step()
    return time.perf_counter() - start


def main():
    tgz, images, repetitions, epochs, threads = sys.argv[1], *map(int, sys.argv[2:6])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    x, y = read(tgz, images)
    print(f"{images} MNIST images, batch {BATCH}, torch {torch.__version__}, {threads} threads,"
          f" oneDNN {torch.backends.mkldnn.is_available()}")
    net = model()
    epoch(net, torch.optim.RMSprop(net.parameters(), lr=1e-3), x, y)  # warm-up, untimed
    times = []
    for rep in range(1, repetitions + 1):
        net = model()
        optimizer = torch.optim.RMSprop(net.parameters(), lr=1e-3)
        for e in range(1, epochs + 1):
            times.append(epoch(net, optimizer, x, y))
            print(f"rep {rep} pytorch epoch {e}: {times[-1]:.3f} s")
    times.sort()
    print(f"pytorch s/epoch: median {times[len(times) // 2]:.3f}, min {times[0]:.3f},"
          f" max {times[-1]:.3f} ({len(times)} epochs)")


if __name__ == "__main__":
    main()
