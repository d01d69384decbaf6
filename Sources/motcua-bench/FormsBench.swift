func benchForms() throws { print("no Forms benchmark yet") }
