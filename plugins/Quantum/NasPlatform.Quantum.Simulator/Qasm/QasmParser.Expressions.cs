using System.Globalization;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>Parameter expressions: + − (left), * / (left), ^ (OpenQASM 3: **, right), unary ±, numbers, pi (and π τ euler in OpenQASM 3), functions, parameters.</summary>
internal sealed partial class QasmParser
{
    private static readonly HashSet<string> Functions = ["sin", "cos", "tan", "exp", "ln", "sqrt"];

    private List<QasmExpression> ExpressionList(IReadOnlyCollection<string>? variables)
    {
        Expect("(");
        var list = new List<QasmExpression>();
        while (!Peek().Is(")"))
        {
            list.Add(Expression(variables));
            if (!Peek().Is(")"))
            {
                Expect(",");
            }
        }

        Next();
        return list;
    }

    private QasmExpression Expression(IReadOnlyCollection<string>? variables)
    {
        var left = Term(variables);
        while (Peek().Is("+") || Peek().Is("-"))
        {
            var op = Next();
            left = new QasmExpression.Binary(op.Text[0], op, left, Term(variables));
        }

        return left;
    }

    private QasmExpression Term(IReadOnlyCollection<string>? variables)
    {
        var left = Power(variables);
        while (Peek().Is("*") || Peek().Is("/"))
        {
            var op = Next();
            left = new QasmExpression.Binary(op.Text[0], op, left, Power(variables));
        }

        return left;
    }

    private QasmExpression Power(IReadOnlyCollection<string>? variables)
    {
        var baseValue = Unary(variables);
        if (_version == 3 && Peek().Is("^"))
        {
            throw Error(Peek(), "in OpenQASM 3 '^' is a bitwise xor, not a power; write '**' for a power, e.g. 2**0.5");
        }

        if (Peek().Is(_version == 3 ? "**" : "^"))
        {
            var op = Next();
            return new QasmExpression.Binary('^', op, baseValue, Power(variables));
        }

        return baseValue;
    }

    private QasmExpression Unary(IReadOnlyCollection<string>? variables)
    {
        if (Peek().Is("-"))
        {
            Next();
            return new QasmExpression.Negate(Unary(variables));
        }

        if (Peek().Is("+"))
        {
            Next();
            return Unary(variables);
        }

        var token = Next();
        switch (token.Kind)
        {
            case QasmTokenKind.Real:
            case QasmTokenKind.Integer:
                // The lexer has checked that the number parses and is finite.
                return new QasmExpression.Number(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case QasmTokenKind.Identifier when token.Text == "pi":
                return new QasmExpression.Number(Math.PI);
            case QasmTokenKind.Identifier when _version == 3 && (variables is null || !variables.Contains(token.Text)) && Constant(token.Text) is { } constant:
                return new QasmExpression.Number(constant);
            case QasmTokenKind.Identifier when Functions.Contains(token.Text):
            {
                Expect("(");
                var argument = Expression(variables);
                Expect(")");
                return new QasmExpression.Call(token.Text, token, argument);
            }

            case QasmTokenKind.Identifier when variables is not null && variables.Contains(token.Text):
                return new QasmExpression.Variable(token.Text, token);
            case QasmTokenKind.Symbol when token.Text == "(":
            {
                var inner = Expression(variables);
                Expect(")");
                return inner;
            }

            default:
                throw Error(token, $"expected a number, pi, a parameter or '(', found {token}");
        }
    }

    /// <summary>The constants OpenQASM 3 names (π, τ and Euler's number, each with its ASCII spelling).</summary>
    private static double? Constant(string name) => name switch
    {
        "π" => Math.PI,
        "tau" or "τ" => 2 * Math.PI,
        "euler" or "ℇ" => Math.E,
        _ => null,
    };
}
