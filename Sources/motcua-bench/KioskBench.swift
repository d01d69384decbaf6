func benchKiosk() throws { print("no Kiosk benchmark yet") }
