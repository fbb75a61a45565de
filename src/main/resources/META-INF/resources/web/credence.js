// Credence's one browser module: text selection and keyboard shortcuts on the document page.
