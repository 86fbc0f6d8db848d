OPENQASM 3.0;
include "stdgates.inc";
// Quantum teleportation (the OpenQASM 2.0 paper's example, written in OpenQASM 3):
// q[0]'s state u3(1.1, 0.4, -0.7)|0> moves to q[2] by two measurements and two corrections.
// The last two lines undo the preparation on q[2]: 'check' reads 0 in every branch exactly
// when q[2] received the input state.
qubit[3] q;
bit c0;
bit c1;
bit check;
U(1.1, 0.4, -0.7) q[0];
h q[1];
cx q[1], q[2];
barrier q;
cx q[0], q[1];
h q[0];
c0 = measure q[0];
c1 = measure q[1];
if (c0) z q[2];
if (c1) x q[2];
U(-1.1, 0.7, -0.4) q[2];
check = measure q[2];
