func benchStore() throws { print("no Store benchmark yet") }
