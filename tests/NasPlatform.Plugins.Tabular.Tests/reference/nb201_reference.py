#!/usr/bin/env python3
"""Independent check of the Tabular plugin's params/flops for NAS-Bench-201 cells.

Builds the network NAS-Bench-201 trains (its TinyNetwork for CIFAR-10: stem 3x3 conv 3->16 + BN,
3 stages x 5 cells at 16/32/64 channels, residual reduction blocks between stages, BN-ReLU,
global average pooling, linear 64->10) in plain PyTorch, then counts
  params: every trainable parameter (conv weights, BN scale/shift, classifier weight/bias);
  flops:  multiply-accumulates of Conv2d and Linear layers for one 32x32 image (k*k*Cin*Cout*Hout*Wout,
          in*out + out for the classifier), measured with forward hooks on the real output shapes.
Not a runtime dependency: run it by hand (Debian: apt-get install python3-torch) and compare with
the numbers pinned in Nb201NetworkTests.

Usage: /usr/bin/python3 nb201_reference.py   (the system Python that python3-torch installs into)
"""
import torch
import torch.nn as nn


class ReLUConvBN(nn.Sequential):
    def __init__(self, c_in, c_out, kernel, stride):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=kernel // 2, bias=False),
            nn.BatchNorm2d(c_out, affine=True),
        )


class Zero(nn.Module):
    def forward(self, x):
        return x.mul(0.0)


def make_op(name, c):
    if name == "none":
        return Zero()
    if name == "skip_connect":
        return nn.Identity()
    if name == "nor_conv_1x1":
        return ReLUConvBN(c, c, 1, 1)
    if name == "nor_conv_3x3":
        return ReLUConvBN(c, c, 3, 1)
    if name == "avg_pool_3x3":
        return nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)
    raise ValueError(name)


EDGES = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]


class Cell(nn.Module):
    def __init__(self, ops, c):
        super().__init__()
        self.ops = nn.ModuleList(make_op(o, c) for o in ops)

    def forward(self, x):
        nodes = [x, 0, 0, 0]
        for (src, dst), op in zip(EDGES, self.ops):
            nodes[dst] = nodes[dst] + op(nodes[src])
        return nodes[3]


class ReductionBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_a = ReLUConvBN(c_in, c_out, 3, 2)
        self.conv_b = ReLUConvBN(c_out, c_out, 3, 1)
        self.shortcut = nn.Sequential(
            nn.AvgPool2d(kernel_size=2, stride=2, padding=0),
            nn.Conv2d(c_in, c_out, kernel_size=1, stride=1, padding=0, bias=False),
        )

    def forward(self, x):
        return self.conv_b(self.conv_a(x)) + self.shortcut(x)


class Network(nn.Module):
    def __init__(self, ops, c=16, n=5, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, c, 3, padding=1, bias=False), nn.BatchNorm2d(c))
        layers = []
        c_prev = c
        for stage, c_stage in enumerate([c, 2 * c, 4 * c]):
            if stage > 0:
                layers.append(ReductionBlock(c_prev, c_stage))
            layers += [Cell(ops, c_stage) for _ in range(n)]
            c_prev = c_stage
        self.cells = nn.Sequential(*layers)
        self.lastact = nn.Sequential(nn.BatchNorm2d(c_prev), nn.ReLU(inplace=True))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(c_prev, classes)

    def forward(self, x):
        x = self.pool(self.lastact(self.cells(self.stem(x))))
        return self.classifier(x.flatten(1))


def measure(ops):
    net = Network(ops).eval()
    params = sum(p.numel() for p in net.parameters())
    flops = [0]

    def conv_hook(m, inp, out):
        flops[0] += m.kernel_size[0] * m.kernel_size[1] * m.in_channels * m.out_channels // m.groups * out.shape[2] * out.shape[3]

    def linear_hook(m, inp, out):
        flops[0] += m.in_features * m.out_features + (m.out_features if m.bias is not None else 0)

    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            m.register_forward_hook(conv_hook)
        elif isinstance(m, nn.Linear):
            m.register_forward_hook(linear_hook)
    with torch.no_grad():
        net(torch.zeros(1, 3, 32, 32))
    return params, flops[0]


CELLS = [
    ["nor_conv_3x3"] * 6,
    ["none"] * 6,
    # index 6111, one of the two best cells on CIFAR-10
    ["nor_conv_3x3", "nor_conv_3x3", "nor_conv_3x3", "skip_connect", "nor_conv_3x3", "nor_conv_1x1"],
    ["avg_pool_3x3", "nor_conv_1x1", "skip_connect", "nor_conv_1x1", "skip_connect", "skip_connect"],
]

if __name__ == "__main__":
    print(f"torch {torch.__version__}")
    for ops in CELLS:
        params, flops = measure(ops)
        print(f"{','.join(ops)}: params={params} flops={flops}")
