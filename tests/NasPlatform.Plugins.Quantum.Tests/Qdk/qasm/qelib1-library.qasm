OPENQASM 2.0;
include "qelib1.inc";
// the gates of the OpenQASM 2.0 specification's qelib1.inc
qreg q[5];
x q[0]; y q[1]; z q[2]; h q[3]; id q[4];
u2(0.2,0.5) q[4];
u3(0.3,-0.4,0.5) q[1];
u1(0.7) q[0];
rx(0.1) q[2]; ry(0.2) q[3]; rz(0.3) q[4];
ccx q[0],q[1],q[2];
cu1(0.3) q[3],q[4];
cu1(0.6) q[2],q[3];
ch q[4],q[0];
cy q[1],q[3];
cz q[0],q[4];
crz(0.35) q[1],q[2];
