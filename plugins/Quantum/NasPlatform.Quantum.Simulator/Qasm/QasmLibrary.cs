namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// The qelib1.inc gates the simulator has no native kind for, as gate definitions over native gates.
/// ccx, cswap, c3x, rccx, rc3x, csx, cu and u0 are copied from qelib1.inc. Two definitions in the
/// qelib1.inc Qiskit ships do not implement the gate their name and comment promise: its c3sqrtx starts
/// with cu1(-pi/8) and so is the 3-controlled sqrt(X)†, and its c4x conjugates with 'h d' where 'h e' is
/// needed. As Qiskit's own importer does, the names are read as the gates they stand for: c3sqrtx is the
/// 3-controlled sqrt(X) (signs flipped) and c4x the 4-controlled X (Qiskit's C4XGate decomposition).
/// </summary>
internal static class QasmLibrary
{
    public const string Source = "qelib1.inc (built in)";

    public const string Text = """
        gate u0(gamma) q { id q; }
        gate ccx a,b,c
        {
          h c;
          cx b,c; tdg c;
          cx a,c; t c;
          cx b,c; tdg c;
          cx a,c; t b; t c; h c;
          cx a,b; t a; tdg b;
          cx a,b;
        }
        gate cswap a,b,c { cx c,b; ccx a,b,c; cx c,b; }
        gate csx a,b { h b; cu1(pi/2) a,b; h b; }
        gate cu(theta,phi,lambda,gamma) c, t
        {
          p(gamma) c;
          p((lambda+phi)/2) c;
          p((lambda-phi)/2) t;
          cx c,t;
          u(-theta/2,0,-(phi+lambda)/2) t;
          cx c,t;
          u(theta/2,phi,0) t;
        }
        gate rccx a,b,c
        {
          u2(0,pi) c; u1(pi/4) c; cx b, c; u1(-pi/4) c; cx a, c;
          u1(pi/4) c; cx b, c; u1(-pi/4) c; u2(0,pi) c;
        }
        gate rc3x a,b,c,d
        {
          u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d;
          cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d;
          cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d;
          u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d;
        }
        gate c3x a,b,c,d
        {
          h d; cu1(-pi/4) a,d; h d; cx a,b;
          h d; cu1(pi/4) b,d; h d; cx a,b;
          h d; cu1(-pi/4) b,d; h d; cx b,c;
          h d; cu1(pi/4) c,d; h d; cx a,c;
          h d; cu1(-pi/4) c,d; h d; cx b,c;
          h d; cu1(pi/4) c,d; h d; cx a,c;
          h d; cu1(-pi/4) c,d; h d;
        }
        gate c3sqrtx a,b,c,d
        {
          h d; cu1(pi/8) a,d; h d; cx a,b;
          h d; cu1(-pi/8) b,d; h d; cx a,b;
          h d; cu1(pi/8) b,d; h d; cx b,c;
          h d; cu1(-pi/8) c,d; h d; cx a,c;
          h d; cu1(pi/8) c,d; h d; cx b,c;
          h d; cu1(-pi/8) c,d; h d; cx a,c;
          h d; cu1(pi/8) c,d; h d;
        }
        gate c4x a,b,c,d,e
        {
          h e; cu1(pi/2) d,e; h e;
          c3x a,b,c,d;
          h e; cu1(-pi/2) d,e; h e;
          c3x a,b,c,d;
          c3sqrtx a,b,c,e;
        }
        """;
}
