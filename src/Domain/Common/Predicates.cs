using System.Linq.Expressions;

namespace OrderTracking.Domain.Common;

/// <summary>Composes query predicates without <see cref="Expression.Invoke(Expression, Expression[])"/>, so the database can translate the result.</summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Substitute(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Substitute(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Not<T>(this Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary><paramref name="body"/> with every use of <paramref name="parameter"/> replaced by <paramref name="replacement"/>.</summary>
    public static Expression Substitute(Expression body, ParameterExpression parameter, Expression replacement) =>
        new Substitution(parameter, replacement).Visit(body);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
