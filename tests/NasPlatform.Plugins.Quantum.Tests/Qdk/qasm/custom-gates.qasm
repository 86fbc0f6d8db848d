OPENQASM 2.0;
include "qelib1.inc";
// user-defined gates with parameters, nested calls and arithmetic on angles (positive: see QdkKnownDifferencesTests)
gate entangle(theta) a,b { h a; cx a,b; rz(theta) b; cx a,b; h a; }
gate layer(t1,t2) a,b,c { ry(t1) a; ry(t2/2) b; entangle(t1+t2) a,c; }
gate myswap a,b { cx a,b; cx b,a; cx a,b; }
qreg q[4];
layer(0.7,0.3) q[0],q[1],q[3];
entangle(pi/5) q[2],q[1];
s q[0]; sdg q[1]; t q[2]; tdg q[3];
myswap q[0],q[3];
crz(0.6) q[1],q[2];
