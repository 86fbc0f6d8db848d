#!/usr/bin/python3
"""Independent reference energies for the simulator tests (numpy/scipy, dense or sparse diagonalization).

Qubit 0 is the leftmost Kronecker factor, as in the simulator. Run: /usr/bin/python3 spin_chains.py (Debian python3-numpy, python3-scipy)
"""
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla

I = sp.identity(2, format="csr", dtype=complex)
P = {
    "I": I,
    "X": sp.csr_matrix(np.array([[0, 1], [1, 0]], dtype=complex)),
    "Y": sp.csr_matrix(np.array([[0, -1j], [1j, 0]], dtype=complex)),
    "Z": sp.csr_matrix(np.array([[1, 0], [0, -1]], dtype=complex)),
}


def pauli(n, factors):
    m = sp.identity(1, format="csr", dtype=complex)
    for q in range(n):
        m = sp.kron(m, P[factors.get(q, "I")], format="csr")
    return m


def bonds(n, periodic):
    b = [(q, q + 1) for q in range(n - 1)]
    if periodic and n > 2:
        b.append((n - 1, 0))
    return b


def tfim(n, j, h, periodic):
    H = sum(-j * pauli(n, {a: "Z", b: "Z"}) for a, b in bonds(n, periodic))
    return H + sum(-h * pauli(n, {q: "X"}) for q in range(n))


def xxz(n, jx, jy, jz, periodic):
    return sum(
        jx * pauli(n, {a: "X", b: "X"}) + jy * pauli(n, {a: "Y", b: "Y"}) + jz * pauli(n, {a: "Z", b: "Z"})
        for a, b in bonds(n, periodic)
    )


def lowest(H):
    if H.shape[0] <= 256:
        return np.linalg.eigvalsh(H.toarray())[0]
    return sla.eigsh(H, k=1, which="SA", tol=1e-14)[0][0]


cases = [
    ("TFIM n=4 J=1 h=1 open", tfim(4, 1, 1, False)),
    ("TFIM n=8 J=1 h=1 open", tfim(8, 1, 1, False)),
    ("TFIM n=6 J=1 h=0.7 periodic", tfim(6, 1, 0.7, True)),
    ("TFIM n=12 J=1 h=1 open", tfim(12, 1, 1, False)),
    ("XXX n=8 open", xxz(8, 1, 1, 1, False)),
    ("XXZ n=6 Jx=0.8 Jy=1.3 Jz=0.5 periodic", xxz(6, 0.8, 1.3, 0.5, True)),
]
for name, H in cases:
    print(f"{name}: {lowest(H):.10f}")


def dense_sum(terms):
    n = len(terms[0][1])
    return sum(c * pauli(n, {q: ch for q, ch in enumerate(s) if ch != "I"}) for c, s in terms)


h2 = dense_sum([
    (-0.090578996, "IIII"), (0.172183940, "ZIII"), (0.172183940, "IZII"), (-0.225753480, "IIZI"),
    (-0.225753480, "IIIZ"), (0.168927537, "ZZII"), (0.174643421, "IIZZ"), (0.120912629, "ZIZI"),
    (0.120912629, "IZIZ"), (0.166145427, "ZIIZ"), (0.166145427, "IZZI"), (0.045232798, "YXXY"),
    (0.045232798, "XYYX"), (-0.045232798, "XXYY"), (-0.045232798, "YYXX"),
])
hf = np.zeros(16)
hf[0b1100] = 1
print(f"H2 4-qubit FCI: {lowest(h2):.10f}; <1100|H|1100>: {(hf @ h2.toarray() @ hf).real:.10f}")
parity = dense_sum([(-1.052373246, "II"), (0.397937425, "IZ"), (-0.397937425, "ZI"), (-0.011280104, "ZZ"), (0.180931200, "XX")])
print(f"H2 parity lowest: {lowest(parity):.10f}")
