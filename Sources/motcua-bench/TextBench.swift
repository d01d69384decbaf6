func benchText() throws { print("no Text benchmark yet") }
