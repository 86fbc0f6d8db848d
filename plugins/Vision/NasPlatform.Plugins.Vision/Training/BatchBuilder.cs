using NasPlatform.Plugins.Vision.Data;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// Assembles a training batch in reused managed buffers: the images (randomly shifted with zero fill and
/// flipped left-right, by the recipe's augmentation strength; a rectangle erased with the recipe's probability), soft
/// targets with label smoothing, and mixup
/// (one Beta(α, α) weight per batch, partners by a permutation). Every draw comes from the trial's <see cref="Random"/>.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly ImageSet _images;
    private readonly TrainingRecipe _recipe;
    private readonly int _classes;
    private readonly Random _random;
    private readonly float[] _inputs;
    private readonly float[] _targets;
    private readonly float[] _mixed;

    public BatchBuilder(ImageSet images, TrainingRecipe recipe, int classes, int batchSize, Random random)
    {
        _images = images;
        _recipe = recipe;
        _classes = classes;
        _random = random;
        _inputs = new float[batchSize * images.ValuesPerImage];
        _targets = new float[batchSize * classes];
        _mixed = new float[batchSize * images.ValuesPerImage];
    }

    public float[] Inputs => _inputs;

    public float[] Targets => _targets;

    public void Fill(ReadOnlySpan<int> indices)
    {
        var size = _images.Size;
        var maxShift = (int)Math.Round(3 * _recipe.Augment);
        var flipProbability = _recipe.Augment / 2;
        var smooth = (float)(_recipe.LabelSmoothing / _classes);
        for (var b = 0; b < indices.Length; b++)
        {
            var source = _images.Image(indices[b]);
            var destination = _inputs.AsSpan(b * _images.ValuesPerImage, _images.ValuesPerImage);
            var dx = maxShift == 0 ? 0 : _random.Next(-maxShift, maxShift + 1);
            var dy = maxShift == 0 ? 0 : _random.Next(-maxShift, maxShift + 1);
            var flip = flipProbability > 0 && _random.NextDouble() < flipProbability;
            if (dx == 0 && dy == 0 && !flip)
            {
                source.CopyTo(destination);
            }
            else
            {
                Shift(source, destination, size, dx, dy, flip);
            }

            if (_recipe.Erase > 0 && _random.NextDouble() < _recipe.Erase)
            {
                Erase(destination, size);
            }

            var targets = _targets.AsSpan(b * _classes, _classes);
            targets.Fill(smooth);
            targets[_images.Labels[indices[b]]] += (float)(1 - _recipe.LabelSmoothing);
        }

        if (_recipe.Mixup > 0)
        {
            Mix(indices.Length);
        }
    }

    private void Shift(ReadOnlySpan<float> source, Span<float> destination, int size, int dx, int dy, bool flip)
    {
        destination.Clear();
        var plane = size * size;
        for (var c = 0; c < _images.Channels; c++)
        {
            for (var y = 0; y < size; y++)
            {
                var sy = y - dy;
                if (sy < 0 || sy >= size)
                {
                    continue;
                }

                for (var x = 0; x < size; x++)
                {
                    var sx = (flip ? size - 1 - x : x) - dx;
                    if (sx >= 0 && sx < size)
                    {
                        destination[c * plane + y * size + x] = source[c * plane + sy * size + sx];
                    }
                }
            }
        }
    }

    /// <summary>
    /// Random erasing as Zhong et al. (2020) define it: area 2-40 % of the image, aspect ratio 0.3-3.3 (log-uniform),
    /// up to 10 tries to fit, filled with standard normal noise (the images are normalised to mean 0, deviation 1).
    /// </summary>
    private void Erase(Span<float> image, int size)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var area = (0.02 + _random.NextDouble() * 0.38) * size * size;
            var ratio = Math.Exp(Math.Log(0.3) + _random.NextDouble() * (Math.Log(3.3) - Math.Log(0.3)));
            var h = (int)Math.Round(Math.Sqrt(area * ratio));
            var w = (int)Math.Round(Math.Sqrt(area / ratio));
            if (h < 1 || w < 1 || h >= size || w >= size)
            {
                continue;
            }

            var top = _random.Next(size - h + 1);
            var left = _random.Next(size - w + 1);
            var plane = size * size;
            for (var c = 0; c < _images.Channels; c++)
            {
                for (var y = top; y < top + h; y++)
                {
                    for (var x = left; x < left + w; x++)
                    {
                        image[c * plane + y * size + x] = (float)Normal(_random);
                    }
                }
            }

            return;
        }
    }

    private void Mix(int count)
    {
        var lambda = (float)Beta(_recipe.Mixup, _random);
        var partners = Enumerable.Range(0, count).ToArray();
        _random.Shuffle(partners);
        var values = _images.ValuesPerImage;
        var targets = new float[count * _classes];
        for (var b = 0; b < count; b++)
        {
            var p = partners[b];
            for (var i = 0; i < values; i++)
            {
                _mixed[b * values + i] = lambda * _inputs[b * values + i] + (1 - lambda) * _inputs[p * values + i];
            }

            for (var k = 0; k < _classes; k++)
            {
                targets[b * _classes + k] = lambda * _targets[b * _classes + k] + (1 - lambda) * _targets[p * _classes + k];
            }
        }

        _mixed.AsSpan(0, count * values).CopyTo(_inputs);
        targets.CopyTo(_targets, 0);
    }

    /// <summary>Beta(α, α) as X / (X + Y) with X, Y ~ Gamma(α) (Marsaglia–Tsang, with the α &lt; 1 boost).</summary>
    internal static double Beta(double alpha, Random random)
    {
        var x = Gamma(alpha, random);
        var y = Gamma(alpha, random);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    private static double Gamma(double alpha, Random random)
    {
        if (alpha < 1)
        {
            return Gamma(alpha + 1, random) * Math.Pow(random.NextDouble(), 1 / alpha);
        }

        var d = alpha - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
