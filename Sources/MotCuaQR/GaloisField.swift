/// Arithmetic in GF(2^8) with the QR Code's reducing polynomial
/// x^8 + x^4 + x^3 + x^2 + 1 (0x11D), through exponent and logarithm tables so
/// that a multiplication is two look-ups and an addition.
public enum GF256 {
    /// The field's primitive polynomial, as the standard gives it.
    public static let primitivePolynomial = 0x11D

    /// exp[i] = α^i for i in 0..<510 (doubled so that exp[log a + log b] needs no modulo).
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= primitivePolynomial }
        }
        return table
    }()

    /// log[a] = i with α^i = a, for a in 1...255 (log[0] is unused).
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = i }
        return table
    }()

    /// α^power, for any non-negative power.
    public static func power(_ power: Int) -> UInt8 { exp[power % 255] }

    /// The product of two field elements.
    @inline(__always)
    public static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }

    /// The sum (and difference) of two field elements.
    @inline(__always)
    public static func add(_ a: UInt8, _ b: UInt8) -> UInt8 { a ^ b }
}

/// Reed–Solomon error-correction codewords as the QR Code computes them:
/// the remainder of data(x)·x^n divided by the generator ∏(x − α^i), i < n.
public enum ReedSolomon {
    /// The generator polynomial of degree `degree`, highest coefficient first
    /// and the leading 1 left out (so it has exactly `degree` entries).
    public static func generator(degree: Int) -> [UInt8] {
        precondition((1...255).contains(degree), "Reed–Solomon degree must be 1...255")
        // Start from the polynomial 1 and multiply by (x − α^i) for each i.
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                coefficients[j] = GF256.multiply(coefficients[j], root)
                if j + 1 < degree { coefficients[j] ^= coefficients[j + 1] }
            }
            root = GF256.multiply(root, 2)
        }
        return coefficients
    }

    /// The `generator.count` error-correction codewords of `data`.
    public static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
        let degree = generator.count
        var result = [UInt8](repeating: 0, count: degree)
        // Polynomial long division done as a shift register: each data byte
        // enters at the top, and its feedback term is subtracted (xor) along.
        let logGenerator = generator.map { $0 == 0 ? -1 : GF256.log[Int($0)] }
        result.withUnsafeMutableBufferPointer { register in
            GF256.exp.withUnsafeBufferPointer { exp in
                for byte in data {
                    let factor = byte ^ register[0]
                    guard factor != 0 else {
                        for i in 0..<(degree - 1) { register[i] = register[i + 1] }
                        register[degree - 1] = 0
                        continue
                    }
                    let logFactor = GF256.log[Int(factor)]
                    for i in 0..<degree {
                        let next = i + 1 < degree ? register[i + 1] : 0
                        let term = logGenerator[i] < 0 ? 0 : exp[logFactor + logGenerator[i]]
                        register[i] = next ^ term
                    }
                }
            }
        }
        return result
    }

    /// Convenience: the error-correction codewords of `data` for `degree` codewords.
    public static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        remainder(of: data, generator: generator(degree: degree))
    }
}
