namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// A parameter expression: numbers, pi, gate parameters, + − * / ^, unary −, sin cos tan exp ln sqrt.
/// Evaluation never yields NaN or ±∞: a division by zero, a function outside its domain or an overflow
/// throws <see cref="QasmEvaluationException"/> at the operator or function.
/// </summary>
internal abstract record QasmExpression
{
    public abstract double Evaluate(IReadOnlyDictionary<string, double> variables);

    private static double Finite(double value, QasmToken at, string what) =>
        double.IsFinite(value)
            ? value
            : throw new QasmEvaluationException(at, $"{what} gives {value}; a gate parameter must be a finite number, so change the expression");

    public sealed record Number(double Value) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Value;
    }

    public sealed record Variable(string Name, QasmToken At) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables) =>
            variables.TryGetValue(Name, out var v) ? v : throw new QasmEvaluationException(At, $"parameter '{Name}' has no value");
    }

    public sealed record Negate(QasmExpression Operand) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables) => -Operand.Evaluate(variables);
    }

    public sealed record Binary(char Operator, QasmToken At, QasmExpression Left, QasmExpression Right) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables)
        {
            var a = Left.Evaluate(variables);
            var b = Right.Evaluate(variables);
            if (Operator == '/' && b == 0)
            {
                throw new QasmEvaluationException(At, $"division by zero ({a} / 0); a gate parameter must be a finite number, so change the divisor");
            }

            var value = Operator switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                '/' => a / b,
                _ => Math.Pow(a, b),
            };
            return Finite(value, At, $"'{a} {Operator} {b}'");
        }
    }

    public sealed record Call(string Function, QasmToken At, QasmExpression Argument) : QasmExpression
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> variables)
        {
            var x = Argument.Evaluate(variables);
            var value = Function switch
            {
                "sin" => Math.Sin(x),
                "cos" => Math.Cos(x),
                "tan" => Math.Tan(x),
                "exp" => Math.Exp(x),
                "ln" => Math.Log(x),
                _ => Math.Sqrt(x),
            };
            return Finite(value, At, $"{Function}({x})");
        }
    }
}
