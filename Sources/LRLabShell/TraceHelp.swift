/// `help trace`: what each column of a trace line means and how a line checks by hand.
enum TraceHelp {
    static let text = """
        Columns: step, lr (the rate the step used), gx (the gradient the step moved
        along, taken at the previous line's point), dx (the step taken), x (the new
        point), loss (at x), notes. Every number on a line follows from that line and
        the previous line's x:
          gd        dx = -lr*gx                       x = previous x + dx
          momentum  buf = momentum*buf + gx            dx = -lr*buf
          adam      m = b1*m + (1-b1)*gx, v = b2*v + (1-b2)*gx^2,
                    dx = -lr*m_hat/(sqrt(v_hat) + eps) with the bias corrections
        (`explain NAME` prints each optimizer's rule). The state under a line (m, v,
        ...) is after that step. Line 0 is the start, with the gradient there; the
        gradient at the last point, which the next step will use, is in run's summary
        (`at x (gradient g)`) and in `show`. `save trace FILE.csv` writes the same columns in the order
        step,lr,x,loss,gx,dx,state, with every digit.
        """
}
