/// Splits data codewords into the standard's blocks, adds Reed–Solomon
/// codewords to each, and interleaves them in the order they are placed.
enum QRCodewords {
    static func interleaved(data: [UInt8], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let blockCount = QRVersionTables.blocks(version, level)
        let eccLength = QRVersionTables.eccPerBlock(version, level)
        let total = QRVersionTables.totalCodewords(version)
        // Short blocks come first; the long ones carry one more data codeword.
        let shortBlocks = blockCount - total % blockCount
        let shortLength = total / blockCount
        let generator = ReedSolomon.generator(degree: eccLength)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        var offset = 0
        for i in 0..<blockCount {
            let length = shortLength - eccLength + (i < shortBlocks ? 0 : 1)
            let block = data[offset..<(offset + length)]
            offset += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(of: Array(block), generator: generator))
        }
        precondition(offset == data.count, "data codewords do not fill the blocks")

        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...(shortLength - eccLength) {
            for block in dataBlocks where i < block.count {
                result.append(block[block.startIndex + i])
            }
        }
        for i in 0..<eccLength {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }
}
