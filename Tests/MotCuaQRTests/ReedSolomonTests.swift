import MotCuaQR
import MotCuaTestSupport
import Testing

@Suite struct ReedSolomonTests {
    @Test func fieldWrapsWithThePrimitivePolynomial() {
        #expect(GF256.power(0) == 1)
        #expect(GF256.power(7) == 0x80)
        // α^8 = x^4 + x^3 + x^2 + 1 under 0x11D.
        #expect(GF256.power(8) == 0x1D)
        #expect(GF256.power(255) == 1)
        #expect(GF256.multiply(0x80, 2) == 0x1D)
        #expect(GF256.multiply(0, 0x53) == 0)
    }

    @Test func everyNonZeroElementHasAnInverse() {
        var seen = Set<UInt8>()
        for i in 0..<255 { seen.insert(GF256.power(i)) }
        #expect(seen.count == 255 && !seen.contains(0))
        for a in 1...255 {
            let element = UInt8(a)
            let inverse = (1...255).first { GF256.multiply(element, UInt8($0)) == 1 }
            #expect(inverse != nil)
        }
    }

    @Test func multiplicationIsCommutativeAndDistributive() {
        for a in stride(from: 0, through: 255, by: 7) {
            for b in stride(from: 0, through: 255, by: 11) {
                let x = UInt8(a), y = UInt8(b), z = UInt8((a * 31 + b) & 0xFF)
                #expect(GF256.multiply(x, y) == GF256.multiply(y, x))
                #expect(GF256.multiply(x, GF256.add(y, z)) == GF256.add(GF256.multiply(x, y), GF256.multiply(x, z)))
            }
        }
    }

    @Test func generatorsMatchTheStandardsTable() {
        // ISO/IEC 18004 Annex A lists generators as exponents of α.
        let degree7 = [87, 229, 146, 149, 238, 102, 21].map(GF256.power)
        let degree10 = [251, 67, 46, 61, 118, 70, 64, 94, 32, 45].map(GF256.power)
        #expect(ReedSolomon.generator(degree: 7) == degree7)
        #expect(ReedSolomon.generator(degree: 10) == degree10)
    }

    @Test func standardsWorkedExampleVersion1M() {
        // "01234567" at 1-M: the standard's data and error-correction codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let ecc: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        #expect(ReedSolomon.remainder(of: data, degree: 10) == ecc)
    }

    /// A codeword (data followed by its remainder) vanishes at every root α^i of the generator.
    @Test(arguments: [7, 10, 13, 17, 22, 26, 28, 30])
    func codewordsVanishAtGeneratorRoots(degree: Int) {
        var rng = SeededRandom(seed: UInt64(degree))
        for length in [1, 19, 54, 118] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let codeword = data + ReedSolomon.remainder(of: data, degree: degree)
            for i in 0..<degree {
                let root = GF256.power(i)
                let value = codeword.reduce(UInt8(0)) { GF256.add(GF256.multiply($0, root), $1) }
                #expect(value == 0, "degree \(degree), length \(length), root α^\(i)")
            }
        }
    }
}
