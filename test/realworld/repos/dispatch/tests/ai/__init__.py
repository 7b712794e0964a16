# AI tests package
