func benchQR() throws { print("no QR benchmark yet") }
