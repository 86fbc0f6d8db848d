namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>A parameter expression: numbers, pi, gate parameters, + − * / ^, unary −, sin cos tan exp ln sqrt.</summary>
internal abstract record QasmExpression
{
    public abstract double Evaluate(IReadOnlyDictionary<string, double> variables);

    public sealed record Number(double Value) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Value;
    }

    public sealed record Variable(string Name, QasmToken At) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables) =>
            variables.TryGetValue(Name, out var v) ? v : throw new InvalidOperationException(Name);
    }

    public sealed record Negate(QasmExpression Operand) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables) => -Operand.Evaluate(variables);
    }

    public sealed record Binary(char Operator, QasmExpression Left, QasmExpression Right) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables)
        {
            var a = Left.Evaluate(variables);
            var b = Right.Evaluate(variables);
            return Operator switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                '/' => a / b,
                _ => Math.Pow(a, b),
            };
        }
    }

    public sealed record Call(string Function, QasmExpression Argument) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables)
        {
            var x = Argument.Evaluate(variables);
            return Function switch
            {
                "sin" => Math.Sin(x),
                "cos" => Math.Cos(x),
                "tan" => Math.Tan(x),
                "exp" => Math.Exp(x),
                "ln" => Math.Log(x),
                _ => Math.Sqrt(x),
            };
        }
    }
}
