func benchInterview() throws { print("no Interview benchmark yet") }
